/**
 * The same-run anchor of the HTTP figures (issue 18 item 1): a bare NestJS + Fastify app, the
 * installed versions of Leye's own, with one route. run.ts starts it as a child process (like the
 * api) and loads it with the same autocannon settings, so each Leye route is read as a share of
 * what the framework alone serves on this machine in this run.
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

@Controller()
class BareController {
  // The path startChild polls and the bench loads: the same URL as Leye's liveness route.
  @Get('health/live')
  live(): { status: string } {
    return { status: 'ok' };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter(), {
    logger: ['error', 'warn'],
  });
  await app.listen(Number(process.env.PORT ?? 3999), process.env.HOST ?? '127.0.0.1');
  const stop = (): void => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
