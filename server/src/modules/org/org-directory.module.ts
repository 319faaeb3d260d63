import { Global, Module } from '@nestjs/common';
import { OrgDirectory } from './org-directory.service';

/** Global so that any module may read org, enterprise, department and chain names without importing OrgModule. */
@Global()
@Module({ providers: [OrgDirectory], exports: [OrgDirectory] })
export class OrgDirectoryModule {}
