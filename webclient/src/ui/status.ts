// The connection badge: connecting / online / reconnecting in Ns / offline.
import type { ConnectionState } from '../connection';

export class StatusBadge {
  private ticker = 0;

  constructor(
    private readonly badge: HTMLElement,
    private readonly label: HTMLElement,
    retry: () => void,
  ) {
    badge.addEventListener('click', retry);
  }

  show(state: ConnectionState): void {
    window.clearInterval(this.ticker);
    this.badge.dataset.state = state.kind;
    const retryable = state.kind === 'reconnecting' || state.kind === 'offline';
    (this.badge as HTMLButtonElement).disabled = !retryable;
    switch (state.kind) {
      case 'connecting':
        this.set(state.attempt > 0 ? 'Reconnecting…' : 'Connecting…', 'Opening the connection to the server');
        break;
      case 'online':
        this.set('Online', `Connected since ${new Date(state.since).toLocaleTimeString()}`);
        break;
      case 'reconnecting': {
        const tick = () => {
          const s = Math.max(0, Math.ceil((state.at - Date.now()) / 1000));
          this.set(`Reconnecting in ${s}s`, `${capital(state.reason)}. Click (or Alt+R) to retry now.`);
        };
        tick();
        this.ticker = window.setInterval(tick, 250);
        break;
      }
      case 'offline':
        this.set('Offline', capital(state.reason));
        break;
    }
  }

  private set(text: string, title: string): void {
    if (this.label.textContent !== text) this.label.textContent = text;
    this.badge.title = title;
  }
}

function capital(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
