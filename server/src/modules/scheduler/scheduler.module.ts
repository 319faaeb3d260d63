import { Global, Module } from '@nestjs/common';
import { LeaseService } from './lease.service';
import { SchedulerService } from './scheduler.service';

@Global()
@Module({ providers: [LeaseService, SchedulerService], exports: [LeaseService, SchedulerService] })
export class SchedulerModule {}
