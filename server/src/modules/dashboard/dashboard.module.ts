import { Module } from '@nestjs/common';
import { OrgLifeModule } from '../org-life/org-life.module';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { TodoService } from './todo.service';

@Module({ imports: [OrgLifeModule], controllers: [DashboardController], providers: [DashboardService, TodoService] })
export class DashboardModule {}
