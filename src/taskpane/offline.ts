/**
 * Entry of the offline page (dist/offline/试卷保密助手.html): the browser face
 * in one self-contained file, for a computer with no network opened by
 * double-click from file://. Everything is bundled in (no import(), no fetch):
 * the templates and the reading worker are inlined by the build (scripts/offline-page.js).
 */
import { startBrowserFace } from './browser-start';

if (document.readyState !== 'loading') startBrowserFace();
else document.addEventListener('DOMContentLoaded', () => startBrowserFace());
