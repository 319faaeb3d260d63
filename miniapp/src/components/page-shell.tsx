import type { ReactNode } from 'react';
import { ConfigProvider } from '@nutui/nutui-react-taro';
import { nutuiTheme } from '@/styles/nutui-theme';
import './page-shell.scss';

interface PageShellProps {
  children: ReactNode;
  className?: string;
}

/** Every page renders inside this: NutUI theme variables and the warm page background. */
export function PageShell({ children, className }: PageShellProps) {
  return (
    <ConfigProvider theme={nutuiTheme} className={className ? `page-shell ${className}` : 'page-shell'}>
      {children}
    </ConfigProvider>
  );
}
