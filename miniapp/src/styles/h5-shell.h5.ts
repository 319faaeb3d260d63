// The browser's app shell: Taro's own H5 title bar (title from each page's navigationBarTitleText,
// 返回 when there is history, 首页 when the page was opened directly) and the date picker, in the app's style.
import './h5-shell.scss';
