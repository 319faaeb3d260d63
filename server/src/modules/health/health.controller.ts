import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthResponse, LivenessResponse } from '@torch-red/shared';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/auth/access.decorator';
import { DatabaseProbe } from './database-probe';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly probe: DatabaseProbe) {}

  /** Readiness: can this instance serve requests? Busy is not down: the probe does not queue behind requests. */
  @Get()
  @Public()
  @ApiOkResponse({ description: 'the database answers' })
  @ApiServiceUnavailableResponse({ description: 'the database does not answer' })
  @ApiOperation({ summary: '200 { status: "ok", db: "up" } when the database answers; 503 otherwise' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const up = await this.probe.isUp();
    void reply.status(up ? 200 : 503).header('cache-control', 'no-store');
    return up ? { status: 'ok', db: 'up' } : { status: 'error', db: 'down' };
  }

  /** Liveness: the process is running and answering HTTP; never touches the database. */
  @Get('live')
  @Public()
  @ApiOperation({ summary: '200 { status: "ok" } while the process answers HTTP; does not check the database' })
  live(@Res({ passthrough: true }) reply: FastifyReply): LivenessResponse {
    void reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  }
}
