/**
 * The registration code step and the pending resident (prefix `register.`, `field.code`),
 * spread into the catalogue in messages.ts. Chinese defines the keys; English must have each.
 */
export const REGISTER_ZH = {
  'register.codeTitle': '输入短信验证码',
  'register.codeSent': '我们给 {phone} 发了一条短信。请在 10 分钟内输入短信里的 6 位验证码。',
  'register.codeSubmit': '完成注册',
  'register.codeWrong': '验证码不对或已过期。请重新注册，获取新的验证码。',
  'register.again': '没有收到短信？重新注册',
  'register.tooMany': '尝试次数太多，请过一会儿再试。',
  'field.code': '验证码',
  'field.code.hint': '短信里的 6 位数字',
  'field.code.invalid': '请填写短信里的 6 位数字。',
} as const;

type RegisterKey = keyof typeof REGISTER_ZH;

export const REGISTER_EN: Record<RegisterKey, string> = {
  'register.codeTitle': 'Enter the SMS code',
  'register.codeSent': 'We sent an SMS to {phone}. Enter the 6-digit code from it within 10 minutes.',
  'register.codeSubmit': 'Finish registering',
  'register.codeWrong': 'The code is wrong or has expired. Register again to get a new one.',
  'register.again': 'No SMS? Register again',
  'register.tooMany': 'Too many tries. Please wait a while and try again.',
  'field.code': 'Code',
  'field.code.hint': 'The 6 digits in the SMS',
  'field.code.invalid': 'Enter the 6 digits from the SMS.',
};
