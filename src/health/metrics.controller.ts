import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../access/access.decorator';
import { MetricsService } from './metrics.service';

@ApiTags('health')
@Controller()
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  /** Prometheus text format. Public like /health: holds no personal data; firewall it in production. */
  @Get('metrics')
  @ApiOperation({ summary: 'Prometheus metrics of this process' })
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOkResponse({ description: 'Prometheus exposition format' })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
