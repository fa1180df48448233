/** The embedded PostgreSQL that serves as the zero-configuration database when no URL is set. */
package io.agentcalls.database;
