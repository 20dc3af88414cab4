/** The benchmark population (accounts and rosters) as a XEP-0227 file for any server's import. */
package org.passerelle.bench.population;
