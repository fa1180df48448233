/** Call recordings and transcripts, as the TimePay Agents API serves them: audio streamed, turns of speech. */
package io.agentcalls.media;
