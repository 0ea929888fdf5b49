/**
 * The server's drain state. On SIGTERM the server drains: /readyz answers 503 so a load balancer stops sending
 * new clients, every live socket is closed with the "reconnect" close code (clients reconnect at once, through
 * the balancer, to another instance), and in-flight requests finish before the process exits.
 */
export class Lifecycle {
  private draining = false;
  private readonly drainers = new Set<() => void>();

  isDraining(): boolean {
    return this.draining;
  }

  /** Runs `drain` when the server starts draining (at once if it already is); returns the unregistration. */
  onDrain(drain: () => void): () => void {
    if (this.draining) {
      drain();
      return () => undefined;
    }
    this.drainers.add(drain);
    return () => this.drainers.delete(drain);
  }

  drain(): void {
    if (this.draining) return;
    this.draining = true;
    for (const drain of [...this.drainers]) {
      try {
        drain();
      } catch {
        // One socket that fails to close must not keep the others open.
      }
    }
    this.drainers.clear();
  }
}
