import { jobAlertSmsText } from './alert-text';

describe('job alert SMS text (issue 12 item 8)', () => {
  it('keeps the wording and makes a hostile title one line without a clickable link', () => {
    expect(jobAlertSmsText('采茶工', '每天 150 元')).toBe(
      '【乐业】为您推荐岗位“采茶工”，每天 150 元。登录乐业查看详情并报名。',
    );
    const sms = jobAlertSmsText(
      '采茶工”。\n您的补贴待领取，请点 https://evil.example/a 领取“',
      '每天 150 元',
    );
    expect(sms).not.toMatch(/\n|https:\/\//);
    expect(sms).toContain('https:／／evil.example/a');
  });
});
