// The dashboard's only script (the Content-Security-Policy allows no other, and no inline script).
'use strict';
