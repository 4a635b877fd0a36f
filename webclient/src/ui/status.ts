// The connection state, shown twice: a badge in the top bar (connecting / online /
// reconnecting in Ns / offline) and, whenever the game is not online, a banner over the
// log that says what is happening and offers to retry now.
import type { ConnectionState } from '../connection';

export class StatusBadge {
  private ticker = 0;

  constructor(
    private readonly badge: HTMLElement,
    private readonly label: HTMLElement,
    private readonly banner: HTMLElement,
    retry: () => void,
  ) {
    badge.addEventListener('click', retry);
    banner.querySelector('button')?.addEventListener('click', retry);
  }

  show(state: ConnectionState): void {
    window.clearInterval(this.ticker);
    this.badge.dataset.state = state.kind;
    this.banner.dataset.state = state.kind;
    const retryable = state.kind === 'reconnecting' || state.kind === 'offline';
    (this.badge as HTMLButtonElement).disabled = !retryable;
    const retryButton = this.banner.querySelector('button');
    if (retryButton) retryButton.hidden = !retryable;
    // The first connect shows only the badge; the banner is for trouble.
    this.banner.hidden = state.kind === 'online' || (state.kind === 'connecting' && state.attempt === 0);
    switch (state.kind) {
      case 'connecting':
        this.set(state.attempt > 0 ? 'Reconnecting…' : 'Connecting…', 'Opening the connection to the server', 'Knocking on the door again…');
        break;
      case 'online':
        this.set('Online', `Connected since ${new Date(state.since).toLocaleTimeString()}`, '');
        break;
      case 'reconnecting': {
        const tick = () => {
          const s = Math.max(0, Math.ceil((state.at - Date.now()) / 1000));
          this.set(`Reconnecting in ${s}s`, `${capital(state.reason)}. Click (or Alt+R) to retry now.`, `${capital(state.reason)}. Trying again in ${s}s…`);
        };
        tick();
        this.ticker = window.setInterval(tick, 250);
        break;
      }
      case 'offline':
        this.set('Offline', capital(state.reason), `Offline: ${state.reason}. Waiting for the network…`);
        break;
    }
  }

  private set(text: string, title: string, banner: string): void {
    if (this.label.textContent !== text) this.label.textContent = text;
    this.badge.title = title;
    const message = this.banner.querySelector('[data-testid="connection-message"]');
    if (message && message.textContent !== banner) message.textContent = banner;
  }
}

function capital(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
