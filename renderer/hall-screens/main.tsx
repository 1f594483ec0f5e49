import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../app/font';
import './hall.css';
import { Kiosk } from './Kiosk';
import { RatingDevice } from './RatingDevice';
import { Screen } from './Screen';
import { WindowDisplay } from './WindowDisplay';

// The hall's screens, served by the center at /hall/: ?kiosk (取号机), ?screen (叫号屏) and
// ?window=SJ01 (a window's own display), ?rate=SJ01 (a window's rating device). The query, not the path, picks the screen: the page
// loads its files relative to /hall/.

function HallScreen() {
  const params = new URLSearchParams(location.search);
  const window = params.get('window');
  const rate = params.get('rate');
  if (rate) return <RatingDevice windowCode={rate} />;
  if (window) return <WindowDisplay code={window} />;
  if (params.has('screen')) return <Screen />;
  if (params.has('kiosk')) return <Kiosk autoPrint={params.get('print') === 'auto'} />;
  return (
    <main className="hall-index">
      <h1>大厅屏幕</h1>
      <ul>
        <li>
          <a href="?kiosk">取号机</a>
        </li>
        <li>
          <a href="?screen">叫号屏</a>
        </li>
      </ul>
      <p>窗口屏：在地址后加 ?window=窗口编号，例如 ?window=SJ01</p>
      <p>评价器：在地址后加 ?rate=窗口编号，例如 ?rate=SJ01</p>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from hall.html');
createRoot(root).render(
  <StrictMode>
    <HallScreen />
  </StrictMode>,
);
