import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createConnection, type Connection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

const PROBE_TIMEOUT_MS = 2000;

/**
 * Answers "does the database answer?" for the health check, on MySQL over one connection of its
 * own, outside the pool: during a sign-up rush every pooled connection may be busy, and waiting
 * for one is not the database being down. The connection is opened on first use and opened again
 * after any failure; probes arriving together share one round trip.
 */
@Injectable()
export class DatabaseProbe implements OnApplicationShutdown {
  private connection?: Connection;
  private inFlight?: Promise<boolean>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  isUp(): Promise<boolean> {
    this.inFlight ??= this.withTimeout(this.check()).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  onApplicationShutdown(): void {
    this.drop();
  }

  private async check(): Promise<boolean> {
    // Without its own data source (closed at shutdown) this instance cannot serve, whatever the database says.
    if (!this.dataSource.isInitialized) return false;
    if (this.config.database.type !== 'mysql') {
      await this.dataSource.query('SELECT 1');
      return true;
    }
    if (this.connection) {
      try {
        await this.connection.query({ sql: 'SELECT 1', timeout: PROBE_TIMEOUT_MS });
        return true;
      } catch {
        // The kept connection may simply have been closed by the server (wait_timeout): try a fresh one.
        this.drop();
      }
    }
    const connection = await createConnection({ uri: this.config.database.url, connectTimeout: PROBE_TIMEOUT_MS });
    connection.on('error', () => {
      if (this.connection === connection) this.drop();
    });
    this.connection = connection;
    await connection.query({ sql: 'SELECT 1', timeout: PROBE_TIMEOUT_MS });
    return true;
  }

  private async withTimeout(check: Promise<boolean>): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        check,
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => {
            this.drop(); // a frozen database: the next probe starts over on a fresh connection
            resolve(false);
          }, PROBE_TIMEOUT_MS);
        }),
      ]);
    } catch {
      this.drop();
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  private drop(): void {
    const connection = this.connection;
    this.connection = undefined;
    connection?.destroy();
  }
}
