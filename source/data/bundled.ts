// The résumé that ships in the package. scripts/build/plugins.js runs this same validation once, at build
// time, and bundles its result, so starting the app never builds the schema for a file that
// cannot change; a --resume file is still validated when it is read.
import resumeDocument from '../../data/resume.json' with {type: 'json'};
import {parseResume, type LoadResult} from './load.js';

export function bundledResume(): LoadResult {
	return parseResume(resumeDocument, 'data/resume.json');
}
