// The page's first module, kept tiny on purpose: in server mode it sends the requests the first
// screen needs at once, while the app's own chunks (React, Mantine, the shell) still download and parse.
import '../lib/zodWithoutEval';
import { prefetchFirstScreen } from '../lib/firstScreenRequests';

prefetchFirstScreen();
void import('./boot');
