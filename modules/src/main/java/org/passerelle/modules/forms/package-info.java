/**
 * XEP-0004 data forms: {@link org.passerelle.modules.forms.DataForm} builds the forms modules
 * send (ad-hoc commands, registration) and reads the forms clients submit. A helper package for
 * modules, with no module of its own.
 */
package org.passerelle.modules.forms;
