import { killUnderLoad } from './shared/kill-under-load.mjs';

export const check = killUnderLoad('web');
