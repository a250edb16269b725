import type { Page } from '@playwright/test';
import { apiAs, apiAsPerson, creditCode, LICENCE_PNG, expect, invitationLink, productContent, signInAs, signUpCode, test } from './support/fixtures';

const PASSWORD = 'Passw0rd!person';

const WORDS = {
  zh: {
    signUp: '注册',
    displayName: '显示名称',
    email: '邮箱',
    password: '密码',
    code: '邮箱验证码',
    verify: '验证并登录',
    apply: '服务商入驻',
    companyName: '公司名称',
    creditCode: '统一社会信用代码',
    contactName: '联系人',
    contactPhone: '联系人手机号',
    contactEmail: '联系邮箱',
    ops: '运维服务',
    upload: '上传营业执照',
    submit: '提交申请',
    pending: '待审核',
    applications: '入驻审核',
    review: '审核',
    approve: '通过',
    approved: '申请已通过',
    enter: '进入服务商控制台',
    members: '成员管理',
    invite: '邀请成员',
    role: '角色',
    delivery: '交付',
    send: '发送邀请',
    invitations: '待接受的邀请',
    register: '注册新账号',
    accept: '接受邀请',
    products: '商品管理',
    start: '开始实施',
    confirm: '确定',
    implementing: '实施中',
    signOut: '退出登录',
  },
  en: {
    signUp: 'Sign up',
    displayName: 'Display name',
    email: 'Email',
    password: 'Password',
    code: 'Email code',
    verify: 'Verify and sign in',
    apply: 'Become a provider',
    companyName: 'Company name',
    creditCode: 'Unified social credit code',
    contactName: 'Contact',
    contactPhone: 'Contact mobile',
    contactEmail: 'Contact email',
    ops: 'Operations',
    upload: 'Upload the licence',
    submit: 'Submit application',
    pending: 'Pending',
    applications: 'Applications',
    review: 'Review',
    approve: 'Approve',
    approved: 'Application approved',
    enter: 'Open the provider console',
    members: 'Members',
    invite: 'Invite member',
    role: 'Role',
    delivery: 'Delivery',
    send: 'Send invitation',
    invitations: 'Pending invitations',
    register: 'Create an account',
    accept: 'Accept invitation',
    products: 'Products',
    start: 'Start',
    confirm: 'Confirm',
    implementing: 'Implementing',
    signOut: 'Sign out',
  },
} as const;

type Words = (typeof WORDS)[keyof typeof WORDS];

/** 注册 through the page: the form, the emailed code, then signed in. */
const register = async (page: Page, w: Words, email: string, name: string) => {
  await page.getByRole('textbox', { name: w.displayName }).fill(name);
  await page.getByRole('textbox', { name: w.email }).fill(email);
  await page.getByLabel(w.password).fill(PASSWORD);
  await page.getByRole('button', { name: w.signUp, exact: true }).click();
  await page.getByRole('textbox', { name: w.code }).fill(await signUpCode(email));
  await page.getByRole('button', { name: w.verify }).click();
};

for (const lang of ['zh', 'en'] as const) {
  test(`a new person registers, applies with a licence, is approved, invites a delivery member who registers, accepts and starts an order (${lang})`, async ({ page }) => {
    test.setTimeout(300_000);
    const w = WORDS[lang];
    const run = `${Date.now() % 1_000_000}${lang}`;
    const admin = { email: `admin-${run}@org.example`, name: lang === 'zh' ? '王五' : 'Wang Wu' };
    const member = { email: `delivery-${run}@org.example`, name: lang === 'zh' ? '赵六' : 'Zhao Liu' };
    const company = lang === 'zh' ? `云帆运维${run}有限公司` : `Cloudsail Ops ${run} Ltd`;

    // 注册 (in the language chosen on the sign-in page)
    await page.goto('/signin');
    if (lang === 'en') {
      await page.evaluate("localStorage.setItem('console.lang', 'en-US')");
      await page.reload();
    }
    await page.getByRole('link', { name: w.signUp }).click();
    await register(page, w, admin.email, admin.name);
    await expect(page.getByRole('link', { name: w.apply })).toBeVisible();
    await expect(page.getByRole('link', { name: w.products })).toHaveCount(0);

    // 服务商入驻: the form with the licence
    await page.getByRole('link', { name: w.apply }).click();
    await page.getByRole('textbox', { name: w.companyName }).fill(company);
    await page.getByRole('textbox', { name: w.creditCode }).fill(creditCode());
    await page.getByRole('textbox', { name: w.contactName, exact: true }).fill(admin.name);
    await page.getByRole('textbox', { name: w.contactPhone }).fill('13800138000');
    await page.getByRole('textbox', { name: w.contactEmail }).fill(admin.email);
    await page.getByRole('checkbox', { name: w.ops }).check({ force: true });
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: w.upload }).click();
    await (await chooser).setFiles({ name: 'licence.png', mimeType: 'image/png', buffer: LICENCE_PNG });
    await expect(page.getByText('licence.png').first()).toBeVisible();
    await page.getByRole('button', { name: w.submit }).click();
    await expect(page.getByText(w.pending).first()).toBeVisible();

    // 运营 · 入驻审核 → 通过
    await page.getByRole('button', { name: w.signOut }).click();
    await signInAs(page, 'operator');
    await page.getByRole('link', { name: w.applications }).click();
    await page.getByRole('button', { name: `${w.review} ${company}` }).click();
    await expect(page.getByRole('button', { name: /licence\.png/ })).toBeVisible();
    await page.getByRole('button', { name: w.approve }).click();
    await page.getByRole('dialog').getByRole('button', { name: w.approve }).click();
    await expect(page.getByRole('button', { name: `${w.review} ${company}` })).toHaveCount(0);

    // the new administrator: 成员管理 → 邀请成员 (交付)
    await page.getByRole('button', { name: w.signOut }).click();
    await page.getByRole('textbox', { name: w.email }).fill(admin.email);
    await page.getByLabel(w.password).fill(PASSWORD);
    await page.getByRole('button', { name: lang === 'zh' ? '登录' : 'Sign in', exact: true }).click();
    await page.getByRole('link', { name: w.apply }).click();
    await expect(page.getByText(w.approved)).toBeVisible();
    await page.getByRole('button', { name: w.enter }).click();
    // the console reads GET /me again, then opens 商品管理
    await expect(page).toHaveURL(/\/provider\/products$/);
    await page.getByRole('link', { name: w.members }).click();
    await expect(page.getByRole('row').filter({ hasText: admin.email })).toBeVisible();
    await page.getByRole('button', { name: w.invite }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: w.email }).fill(member.email);
    await dialog.getByRole('textbox', { name: w.role }).click();
    await page.locator('.t-select-option:visible').filter({ hasText: new RegExp(`^${w.delivery}$`) }).click();
    await dialog.getByRole('button', { name: w.send }).click();
    await expect(page.getByRole('row').filter({ hasText: member.email })).toBeVisible();

    // an order waiting on the new organisation's product (arranged through the API)
    const owner = await apiAsPerson(admin.email, PASSWORD);
    const content = productContent();
    const product = await owner.call('POST', '/provider/products', content);
    const submitted = await owner.call('POST', `/provider/products/${product.productId}/submit`);
    await (await apiAs('operator')).call('POST', `/operator/products/${product.productId}/approve`, { version: submitted.version });
    const buyer = await apiAs('buyer');
    const order = await buyer.call('POST', '/orders', { productId: product.productId, planId: 'once', quantity: 1 });
    await buyer.call('PUT', `/orders/${order.orderId}/requirements`, { answers: { host: '10.0.0.9' } });

    // the invited person follows the emailed link signed out, registers, accepts
    await page.getByRole('button', { name: w.signOut }).click();
    await page.goto(await invitationLink(member.email));
    await page.getByRole('button', { name: w.register }).click();
    await register(page, w, member.email, member.name);
    await expect(page.getByText(member.email)).toBeVisible();
    await page.getByRole('button', { name: w.accept }).click();
    await expect(page.getByRole('link', { name: w.products })).toBeVisible();
    // the delivery role sees no 成员管理 changes and no 数据概览
    await expect(page.getByRole('link', { name: lang === 'zh' ? '数据概览' : 'Dashboard' })).toHaveCount(0);

    // 开始实施
    await page.goto(`/provider/orders/${order.orderId}`);
    await page.getByRole('button', { name: w.start }).click();
    await page.getByRole('dialog').getByRole('button', { name: w.confirm }).click();
    await expect(page.getByText(w.implementing).first()).toBeVisible();
    const read = await buyer.call('GET', `/orders/${order.orderId}`);
    expect(read.status).toBe('implementing');
  });
}
