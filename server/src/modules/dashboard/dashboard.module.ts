import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { TodoService } from './todo.service';

@Module({ controllers: [DashboardController], providers: [DashboardService, TodoService] })
export class DashboardModule {}
