import { describeSearchQuality } from '../helpers/search-quality.ts';

/** The sets written beside the code: Arabic and English, then Persian, Hebrew and Urdu. */
describeSearchQuality(['search-quality', 'search-quality-extra'], 'search-quality');
