import { escapeText } from './escape';

/**
 * The SMS of a job alert. The posting's title and wage text are the employer's words: escaped as
 * text (one line, URLs defanged), so a title cannot turn the platform's own SMS to a resident into
 * a phishing message with a clickable link (issue 12 item 8, the text format).
 */
export function jobAlertSmsText(postingTitle: string, wageText: string): string {
  return `【乐业】为您推荐岗位“${escapeText(postingTitle)}”，${escapeText(wageText)}。登录乐业查看详情并报名。`;
}
