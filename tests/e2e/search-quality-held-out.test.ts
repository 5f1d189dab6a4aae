import { describeSearchQuality } from '../helpers/search-quality.ts';

/** Real text the code was not written against, its queries fixed before any run (see the fixtures' READMEs). */
describeSearchQuality(['search-quality-quran', 'search-quality-heldout'], 'search-quality-held-out');
