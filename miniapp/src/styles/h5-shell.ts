/** WeChat draws the title bar, back button and pickers itself: nothing to add outside the browser. */
export {};
