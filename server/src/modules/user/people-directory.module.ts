import { Global, Module } from '@nestjs/common';
import { PeopleDirectory } from './people-directory.service';

/** Global so that any module may read people through the user module's read model without importing UserModule. */
@Global()
@Module({ providers: [PeopleDirectory], exports: [PeopleDirectory] })
export class PeopleDirectoryModule {}
