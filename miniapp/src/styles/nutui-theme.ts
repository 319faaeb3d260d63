/** NutUI theme variables: ConfigProvider turns `nutuiColorPrimary` into `--nutui-color-primary`. */
export const nutuiTheme: Record<string, string> = {
  nutuiColorPrimary: '#c8102e',
  nutuiColorPrimaryStop1: '#e0263f',
  nutuiColorPrimaryStop2: '#c8102e',
  nutuiColorPrimaryLightPressed: '#fdecee',
  nutuiColorPrimaryDisabledSpecial: '#eaa3ad',
  nutuiColorPrimaryIcon: '#c8102e',
  // Pill-shaped buttons, as WeChat's own primary buttons are.
  nutuiButtonBorderRadius: '999px',
  nutuiButtonSmallBorderRadius: '999px',
  nutuiButtonLargeBorderRadius: '999px',
  nutuiButtonXlargeBorderRadius: '999px',
  // Work buttons (编辑, 派单, 签到 …) are tapped by thumbs and read by older eyes: 40 px tall, 14 px text.
  nutuiButtonDefaultHeight: '40px',
  nutuiButtonSmallHeight: '40px',
  nutuiButtonSmallPadding: '0 16px',
  nutuiButtonSmallFontSize: '14px',
};
