import { JOB_WORDS_EN, JOB_WORDS_ZH } from './job-words';
import { RESIDENT_EN, RESIDENT_ZH } from './resident-messages';
import { EMPLOYER_EN, EMPLOYER_ZH } from './employer-messages';
import { OFFICER_EN, OFFICER_ZH } from '../officer/officer-messages';
import { ADMIN_EN, ADMIN_ZH } from './admin-messages';
import { PROVIDER_EN, PROVIDER_ZH } from './provider-messages';
import { REGISTER_EN, REGISTER_ZH } from './register-messages';
import { WORKSHOP_EN, WORKSHOP_ZH } from './workshop-messages';
import { COMMUTE_EN, COMMUTE_ZH } from './commute-messages';
import { SUBSIDIES_EN, SUBSIDIES_ZH } from './subsidies-messages';
import { COOPERATION_EN, COOPERATION_ZH } from './cooperation-messages';

/**
 * Every string the web pages show, Simplified Chinese first (the default), English second.
 * `zh` defines the key set; `en` must have every key (a missing one is a type error).
 * Parameters are written `{name}` and filled by `t(key, { name })`.
 * Short sentences and everyday words: many readers have little time and little schooling.
 */
const zh = {
  'app.name': '乐业',
  'app.tagline': '家门口的好工作',
  'lang.switch': 'English',
  'lang.switchLabel': '切换语言',
  'nav.label': '主菜单',
  'nav.home': '首页',
  'nav.account': '我的',
  'nav.login': '登录',
  'nav.register': '注册',
  'nav.logout': '退出',
  'nav.skip': '跳到正文',
  'footer.text': '乐业 · 安居乐业，家门口就业',
  'footer.help': '有问题请找社区就业专干',

  'form.csrfExpired': '页面已过期，请刷新后再试。',
  'form.fixErrors': '请改正下面标红的地方。',
  'form.required': '必填',
  'form.optional': '选填',

  'field.phone': '手机号',
  'field.phone.hint': '11 位数字',
  'field.phone.invalid': '请填写 11 位手机号，以 1 开头。',
  'field.password': '密码',
  'field.password.hint': '至少 8 位，要有字母和数字',
  'field.password.invalid': '密码至少 8 位，要有字母和数字。',
  'field.password.required': '请填写密码。',
  'field.name': '姓名',
  'field.name.invalid': '请填写姓名（100 字以内）。',
  'field.role': '我是',
  'field.role.resident': '找工作的居民',
  'field.role.employer': '招工的单位',
  'field.role.invalid': '请选择身份。',
  'field.site': '我住在哪个安置点',
  'field.site.choose': '请选择安置点',
  'field.site.invalid': '请选择您住的安置点。',
  'field.nationalId': '身份证号',
  'field.nationalId.hint': '18 位，选填；填了可以自动找到您的登记信息',
  'field.nationalId.invalid': '身份证号是 18 位。',

  'login.title': '登录',
  'login.submit': '登录',
  'login.wrong': '手机号或密码不对。',
  'login.noAccount': '还没有账号？',
  'login.registerLink': '注册一个',
  'login.needed': '请先登录。',

  'register.title': '注册',
  'register.submit': '注册',
  'register.phoneTaken': '这个手机号已经注册过了，请直接登录。',
  'register.done': '注册成功，请登录。',
  'register.haveAccount': '已经有账号？',
  'register.loginLink': '去登录',
  'register.residentClosed': '居民注册暂时没有开放，请找社区就业专干登记。',

  'rateLimited.title': '太频繁了',
  'rateLimited.body': '试得太多了，请 {minutes} 分钟后再试。',

  'home.title': '附近有什么工作？',
  'home.greeting': '{name}，您好',
  'home.intro': '这里列出您住的安置点附近的工作。',
  'home.nearSite': '离 {site} 近的工作',
  'home.noJobs': '现在附近还没有招工信息。新工作一来，我们就会告诉您。',
  'home.guestIntro': '登录后，就能看到您家附近的工作，还能一键报名。',
  'home.guestCta': '登录找工作',
  'home.guestRegister': '没有账号？注册',
  'home.distance': '离安置点 {km} 公里',
  'home.shuttle': '有班车接送',
  'home.accommodation': '包住',
  'home.meals': '包吃',
  'home.apply': '我要报名',
  'home.headcount': '招 {n} 人',

  'wage.month': '每月 {min}–{max} 元',
  'wage.day': '每天 {min}–{max} 元',
  'wage.hour': '每小时 {min}–{max} 元',
  'wage.piece': '每件 {min}–{max} 元',
  'wage.monthOne': '每月 {min} 元',
  'wage.dayOne': '每天 {min} 元',
  'wage.hourOne': '每小时 {min} 元',
  'wage.pieceOne': '每件 {min} 元',
  'wage.negotiable': '工资面议',

  'account.title': '我的账号',
  'account.role': '身份',
  'account.phone': '手机号',
  'account.site': '安置点',
  'account.scope': '负责范围',
  'account.scopeSites': '{n} 个安置点',
  'account.scopeRegions': '{n} 个地区',

  'role.resident': '居民',
  'role.employer': '用工单位',
  'role.officer': '就业专干',
  'role.provider': '培训机构',
  'role.admin': '管理员',
  'role.liaison': '劳务协作联络员',

  'error.404.title': '找不到这个页面',
  'error.404.body': '这个页面不存在，或者您没有权限看。',
  'error.403.title': '不能这样操作',
  'error.403.body': '您没有权限做这件事。',
  'error.csrf.body': '页面已过期或来源不对。请回到上一页，刷新后再提交。',
  'error.400.title': '填写有误',
  'error.400.body': '提交的内容有误，请返回修改。',
  'error.500.title': '出错了',
  'error.500.body': '系统出了点问题，请稍后再试。编号：{requestId}',
  'error.503.title': '暂时无法使用',
  'error.503.body': '系统正在恢复，请过一会儿再试。',
  'error.backHome': '回到首页',
  // resident and employer pages (jobs., resident., employer., industry., schedule. …)
  ...JOB_WORDS_ZH,
  ...RESIDENT_ZH,
  ...EMPLOYER_ZH,
  // officer pages (officer.)
  ...OFFICER_ZH,
  ...COMMUTE_ZH,
  ...SUBSIDIES_ZH,
  ...COOPERATION_ZH,
  // training provider and admin pages (provider., admin.)
  ...PROVIDER_ZH,
  ...ADMIN_ZH,
  // the registration code step (register., field.code)
  ...REGISTER_ZH,
  ...WORKSHOP_ZH,
} as const;

export type MessageKey = keyof typeof zh;
export type Catalogue = Record<MessageKey, string>;

const en: Catalogue = {
  ...JOB_WORDS_EN,
  ...RESIDENT_EN,
  ...EMPLOYER_EN,
  ...PROVIDER_EN,
  ...ADMIN_EN,
  ...OFFICER_EN,
  ...COMMUTE_EN,
  ...SUBSIDIES_EN,
  ...COOPERATION_EN,
  ...REGISTER_EN,
  ...WORKSHOP_EN,
  'app.name': 'Leye',
  'app.tagline': 'Good work near home',
  'lang.switch': '中文',
  'lang.switchLabel': 'Change language',
  'nav.label': 'Main menu',
  'nav.home': 'Home',
  'nav.account': 'Me',
  'nav.login': 'Sign in',
  'nav.register': 'Register',
  'nav.logout': 'Sign out',
  'nav.skip': 'Skip to content',
  'footer.text': 'Leye · settled homes, steady work',
  'footer.help': 'Questions? Ask your community employment officer',

  'form.csrfExpired': 'This page has expired. Please reload it and try again.',
  'form.fixErrors': 'Please fix the fields marked in red.',
  'form.required': 'required',
  'form.optional': 'optional',

  'field.phone': 'Mobile number',
  'field.phone.hint': '11 digits',
  'field.phone.invalid': 'Enter an 11-digit mobile number starting with 1.',
  'field.password': 'Password',
  'field.password.hint': 'At least 8 characters, with letters and digits',
  'field.password.invalid': 'The password needs at least 8 characters, with letters and digits.',
  'field.password.required': 'Enter your password.',
  'field.name': 'Name',
  'field.name.invalid': 'Enter your name (up to 100 characters).',
  'field.role': 'I am',
  'field.role.resident': 'a resident looking for work',
  'field.role.employer': 'an employer hiring',
  'field.role.invalid': 'Choose who you are.',
  'field.site': 'The resettlement site I live at',
  'field.site.choose': 'Choose a site',
  'field.site.invalid': 'Choose the site you live at.',
  'field.nationalId': 'National ID number',
  'field.nationalId.hint': '18 characters, optional; it finds your roster entry',
  'field.nationalId.invalid': 'A national ID number has 18 characters.',

  'login.title': 'Sign in',
  'login.submit': 'Sign in',
  'login.wrong': 'Wrong mobile number or password.',
  'login.noAccount': 'No account yet?',
  'login.registerLink': 'Register',
  'login.needed': 'Please sign in first.',

  'register.title': 'Register',
  'register.submit': 'Register',
  'register.phoneTaken': 'This mobile number is already registered. Please sign in.',
  'register.done': 'You are registered. Please sign in.',
  'register.haveAccount': 'Already registered?',
  'register.loginLink': 'Sign in',
  'register.residentClosed':
    'Resident registration is not open yet. Please ask your community employment officer.',

  'rateLimited.title': 'Too many tries',
  'rateLimited.body': 'Too many attempts. Please try again in {minutes} minutes.',

  'home.title': 'Is there work near home?',
  'home.greeting': 'Hello, {name}',
  'home.intro': 'Jobs near the site you live at.',
  'home.nearSite': 'Jobs near {site}',
  'home.noJobs': 'No jobs near you yet. We will tell you when one comes.',
  'home.guestIntro': 'Sign in to see jobs near your home and apply with one tap.',
  'home.guestCta': 'Sign in to find work',
  'home.guestRegister': 'No account? Register',
  'home.distance': '{km} km from the site',
  'home.shuttle': 'Shuttle from the site',
  'home.accommodation': 'Housing provided',
  'home.meals': 'Meals provided',
  'home.apply': 'Apply',
  'home.headcount': '{n} people wanted',

  'wage.month': '{min}–{max} yuan a month',
  'wage.day': '{min}–{max} yuan a day',
  'wage.hour': '{min}–{max} yuan an hour',
  'wage.piece': '{min}–{max} yuan a piece',
  'wage.monthOne': '{min} yuan a month',
  'wage.dayOne': '{min} yuan a day',
  'wage.hourOne': '{min} yuan an hour',
  'wage.pieceOne': '{min} yuan a piece',
  'wage.negotiable': 'Wage to be agreed',

  'account.title': 'My account',
  'account.role': 'Role',
  'account.phone': 'Mobile number',
  'account.site': 'Site',
  'account.scope': 'Responsible for',
  'account.scopeSites': '{n} sites',
  'account.scopeRegions': '{n} regions',

  'role.resident': 'Resident',
  'role.employer': 'Employer',
  'role.officer': 'Employment officer',
  'role.provider': 'Training provider',
  'role.admin': 'Administrator',
  'role.liaison': 'Partner-city liaison',

  'error.404.title': 'Page not found',
  'error.404.body': 'This page does not exist, or you may not see it.',
  'error.403.title': 'Not allowed',
  'error.403.body': 'You may not do this.',
  'error.csrf.body': 'The page expired or came from elsewhere. Go back, reload it and submit again.',
  'error.400.title': 'Something is wrong in the form',
  'error.400.body': 'What was sent is not valid. Please go back and fix it.',
  'error.500.title': 'Something went wrong',
  'error.500.body': 'The system had a problem. Please try again later. Reference: {requestId}',
  'error.503.title': 'Temporarily unavailable',
  'error.503.body': 'The system is recovering. Please try again in a moment.',
  'error.backHome': 'Back to the home page',
};

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh';

export const CATALOGUES: Record<Lang, Catalogue> = { zh, en };
