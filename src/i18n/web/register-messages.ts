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
  'register.link.title': '连上我的居民登记',
  'register.link.intro':
    '如果您的身份证号在安置点登记里，我们会给登记的手机号发验证码，请在这里输入；也可以请安置点就业专干帮您确认。',
  'register.link.submit': '连上登记',
  'register.link.wrong': '验证码不对或已过期。请找社区就业专干帮您确认。',
  'register.link.officerOnly': '验证码错得太多了，现在只能请安置点就业专干当面核对后帮您确认。',
  'register.link.prompt': '收到了发到登记手机号的验证码？在这里输入',
  'register.claims.title': '等待确认的居民账号',
  'register.claims.intro':
    '这些账号注册时填了您安置点居民的身份证号，但没有用登记的手机号证明是本人。请当面核对身份证后再确认；不认识的请点“不是本人”。',
  'register.claims.none': '现在没有等待确认的账号。',
  'register.claims.item': '居民 {resident} · 账号（本人填写）{account}（{phone}）· {date} 注册',
  'register.claims.selfRegistered': '身份证号不在登记里，这是注册人自己建的待确认登记',
  'register.claims.phoneInHousehold': '账号手机号是这户人家登记的手机号之一',
  'register.claims.phoneNotInHousehold': '账号手机号不是这户人家登记的手机号',
  'register.claims.idChecked': '已核对身份证',
  'register.claims.idCheckedMissing': '请当面核对身份证后勾选「已核对身份证」再确认。',
  'register.claims.prev': '上一页',
  'register.claims.next': '下一页',
  'register.claims.confirm': '确认是本人',
  'register.claims.reject': '不是本人',
  'register.claims.confirmed': '已确认，账号连上了居民登记。',
  'register.claims.rejected': '已拒绝，这个账号看不到居民登记。',
  'register.claims.linkedAlready': '这位居民已经有账号了，不能再连。',
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
  'register.link.title': 'Link my resident record',
  'register.link.intro':
    'If your ID number is on the site roster, we send a code to the phone number on the roster; enter it here. Your employment officer can also confirm you.',
  'register.link.submit': 'Link the record',
  'register.link.wrong': 'The code is wrong or has expired. Ask your employment officer to confirm you.',
  'register.link.officerOnly':
    'Too many wrong codes. Now only your employment officer can confirm you, after checking your ID card.',
  'register.link.prompt': 'Got a code on the phone number of the roster? Enter it here',
  'register.claims.title': 'Accounts waiting for confirmation',
  'register.claims.intro':
    'These accounts registered with the ID number of a resident of your sites but did not prove it with the roster phone. Confirm only after checking the ID card in person; if you do not know them, choose “Not this person”.',
  'register.claims.none': 'No account is waiting.',
  'register.claims.item':
    'Resident {resident} · account (as typed by the registrant) {account} ({phone}) · registered {date}',
  'register.claims.selfRegistered': 'ID number not on the roster: a pending record the registrant created',
  'register.claims.phoneInHousehold': "The account's phone is one of the household's phones",
  'register.claims.phoneNotInHousehold': "The account's phone is not one of the household's phones",
  'register.claims.idChecked': 'ID card checked',
  'register.claims.idCheckedMissing':
    'Check the ID card in person and tick “ID card checked” before confirming.',
  'register.claims.prev': 'Previous page',
  'register.claims.next': 'Next page',
  'register.claims.confirm': 'Confirm it is them',
  'register.claims.reject': 'Not this person',
  'register.claims.confirmed': 'Confirmed: the account is linked to the resident record.',
  'register.claims.rejected': 'Refused: the account does not see the resident record.',
  'register.claims.linkedAlready': 'This resident has an account already; it cannot be linked again.',
};
