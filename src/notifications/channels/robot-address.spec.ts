import type { LookupAddress } from 'node:dns';
import { isPublicAddress, publicOnlyLookup, robotUrlProblem, type RobotAddressPolicy } from './robot-address';

const POLICY: RobotAddressPolicy = { hosts: ['qyapi.weixin.qq.com', 'oapi.dingtalk.com'], allowLocal: false };

describe('robot webhook addresses (issue 12 item 7)', () => {
  it('accepts the robot hosts over https only', () => {
    expect(robotUrlProblem('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', POLICY)).toBeNull();
    expect(robotUrlProblem('https://oapi.dingtalk.com/robot/send?access_token=t', POLICY)).toBeNull();
    expect(robotUrlProblem('http://qyapi.weixin.qq.com/cgi-bin/webhook/send', POLICY)).toMatch(/https/);
    expect(robotUrlProblem('https://169.254.169.254/latest/meta-data', POLICY)).toMatch(/robot webhook on/);
    expect(robotUrlProblem('https://oapi.dingtalk.com.evil.example/robot/send', POLICY)).toMatch(
      /robot webhook on/,
    );
    expect(robotUrlProblem('https://user:pw@oapi.dingtalk.com/robot/send', POLICY)).toMatch(/user name/);
    expect(robotUrlProblem('https://oapi.dingtalk.com:8443/robot/send', POLICY)).toMatch(/port/);
    expect(robotUrlProblem('not a url', POLICY)).toMatch(/webhook URL/);
  });

  it('calls only public unicast addresses public', () => {
    for (const a of ['8.8.8.8', '2001:4860:4860::8888']) expect(isPublicAddress(a)).toBe(true);
    for (const a of [
      '127.0.0.1',
      '10.0.0.5',
      '172.16.3.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '224.0.0.1',
      'nonsense',
    ])
      expect(isPublicAddress(a)).toBe(false);
  });

  it('answers the socket in both lookup shapes (one address, or all of them), and refuses loopback', async () => {
    const local = publicOnlyLookup({ hosts: [], allowLocal: true });
    const one = await new Promise<string>((resolve, reject) =>
      local('localhost', { family: 4 }, (err, address) => (err ? reject(err) : resolve(address as string))),
    );
    expect(one).toBe('127.0.0.1');
    const all = await new Promise<LookupAddress[]>((resolve, reject) =>
      local('localhost', { all: true }, (err, addresses) =>
        err ? reject(err) : resolve(addresses as unknown as LookupAddress[]),
      ),
    );
    expect(all.map((a) => a.address)).toContain('127.0.0.1');
    const strict = publicOnlyLookup(POLICY);
    const refused = await new Promise<Error | null>((resolve) =>
      strict('localhost', {}, (err) => resolve(err)),
    );
    expect(refused?.message).toMatch(/non-public/);
  });
});
