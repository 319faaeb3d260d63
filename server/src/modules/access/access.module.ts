import { Global, Module } from '@nestjs/common';
import { OrgHierarchy } from '../org/org-hierarchy.service';
import { AccessPolicy } from './access-policy.service';

/** Object-level access and the org tree it is decided on; global because every feature asks it. */
@Global()
@Module({
  providers: [OrgHierarchy, AccessPolicy],
  exports: [OrgHierarchy, AccessPolicy],
})
export class AccessModule {}
