import type { PropsWithChildren } from 'react';
import { sendVisitorsToSignIn } from './features/auth/entry-gate';
import './styles/nutui-components';
import './app.scss';
import './styles/h5-shell';

// Before the router picks the first page: a browser without a session starts on the sign-in page.
sendVisitorsToSignIn();

// Pages render inside PageShell (NutUI theme); the app itself only hosts them.
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
