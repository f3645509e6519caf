// A temporary barrel while admin-plugin.tsx is being split into routes/: each area's views now
// live in their own module. Import from those; this file goes once nothing imports it.
export { type AdminContext, type NavItem, AdminLayout, AdminMessage, Problems } from './shell.js'
export { CodeView, ForgotView, SetPasswordView, SignInView } from './auth.js'
export { type ArticleListView, ArticleList, PhonePreview, RevisionView } from './articles.js'
export { type ArticleFormValues, type ArticleFormView, ArticleForm } from './article-form.js'
export { StaffList } from './staff.js'
export { AuditLog } from './audit.js'
export { AccountView } from './account.js'
export { MediaView } from './media.js'
export { NewslettersAdmin } from './newsletters.js'
