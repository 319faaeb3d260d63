import type { PropsWithChildren } from 'react';
import './styles/nutui-components';
import './app.scss';

// Pages render inside PageShell (NutUI theme); the app itself only hosts them.
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
