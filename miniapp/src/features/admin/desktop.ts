// The desktop layout's root size is the browser's only (desktop.h5.ts); WeChat has nothing to add.
export {};
