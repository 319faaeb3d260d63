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
};
