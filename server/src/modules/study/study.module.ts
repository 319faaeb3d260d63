import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuditModule } from '../audit/audit.module';
import { AdminStudyController } from './admin-study.controller';
import { LeaderboardService } from './leaderboard.service';
import { PointsService } from './points.service';
import { QuestionBankService } from './question-bank.service';
import { QuizService } from './quiz.service';
import { StudyContentService } from './study-content.service';
import { StudySessionService } from './study-session.service';
import { STUDY_RULES, loadStudyRules } from './study-rules';
import { StudyController } from './study.controller';

@Module({
  imports: [AuditModule],
  controllers: [StudyController, AdminStudyController],
  providers: [
    { provide: STUDY_RULES, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadStudyRules(config.studyPointCaps) },
    PointsService,
    StudyContentService,
    StudySessionService,
    QuizService,
    QuestionBankService,
    LeaderboardService,
  ],
  exports: [PointsService],
})
export class StudyModule {}
