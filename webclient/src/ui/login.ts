// Log in and register on one screen. Register then logs in by itself. The server's
// own error messages (error.message) are shown as they are.
import { ApiError } from '../api';
import { byTestId } from './dom';

export interface LoginHooks {
  login(name: string, password: string): Promise<void>;
  register(name: string, password: string): Promise<void>;
}

export class LoginScreen {
  private readonly form = byTestId<HTMLFormElement>('login-form');
  private readonly name = byTestId<HTMLInputElement>('login-name');
  private readonly password = byTestId<HTMLInputElement>('login-password');
  private readonly error = byTestId('login-error');
  private readonly info = byTestId('login-info');
  private readonly loginButton = byTestId<HTMLButtonElement>('login-submit');
  private readonly registerButton = byTestId<HTMLButtonElement>('register-submit');
  private busy = false;

  constructor(
    private readonly screen: HTMLElement,
    private readonly hooks: LoginHooks,
  ) {
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.run('login');
    });
    this.registerButton.addEventListener('click', () => void this.run('register'));
    // Alt+N: new character, from anywhere on this screen.
    screen.addEventListener('keydown', (e) => {
      if (e.altKey && (e.key === 'n' || e.key === 'N')) {
        e.preventDefault();
        void this.run('register');
      }
    });
  }

  show(message?: { text: string; kind: 'error' | 'info' }, name?: string): void {
    this.screen.hidden = false;
    this.setBusy(false);
    this.password.value = '';
    if (name) this.name.value = name;
    this.setError(message?.kind === 'error' ? message.text : '');
    this.setInfo(message?.kind === 'info' ? message.text : '');
    (this.name.value ? this.password : this.name).focus();
  }

  hide(): void {
    this.screen.hidden = true;
  }

  private async run(mode: 'login' | 'register'): Promise<void> {
    if (this.busy) return;
    const name = this.name.value.trim();
    const password = this.password.value;
    if (!name) {
      this.setError('Who are you, traveller? Enter a name.');
      this.name.focus();
      return;
    }
    if (!password) {
      this.setError('Enter your password.');
      this.password.focus();
      return;
    }
    this.setError('');
    this.setInfo(mode === 'register' ? 'Carving your name above the door…' : 'Knocking on the tavern door…');
    this.setBusy(true);
    try {
      if (mode === 'register') await this.hooks.register(name, password);
      else await this.hooks.login(name, password);
    } catch (e) {
      this.setBusy(false);
      this.setInfo('');
      const message = e instanceof Error ? e.message : String(e);
      let text = message;
      if (e instanceof ApiError && e.code === 'bad_credentials' && mode === 'login') {
        text = `${message} New here? Choose “Create a new character”.`;
      }
      this.setError(text);
      const field = e instanceof ApiError && (e.code === 'weak_password' || e.code === 'bad_credentials') ? this.password : this.name;
      field.focus();
      field.select();
    }
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.form.setAttribute('aria-busy', String(busy));
    this.loginButton.disabled = busy;
    this.registerButton.disabled = busy;
  }

  private setError(text: string): void {
    this.error.textContent = text;
    this.error.hidden = !text;
  }

  private setInfo(text: string): void {
    this.info.textContent = text;
    this.info.hidden = !text;
  }
}
