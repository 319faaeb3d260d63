import { ImageEntity } from './image.entity';

/** The tables the media module owns; only its own code reads or writes them (see modules/module-boundaries.spec.ts). */
export const MEDIA_ENTITIES = [ImageEntity];
