/** The OpenAPI document: its tags, security schemes and the error answers every operation shares. */
package io.agentcalls.apidocs;
