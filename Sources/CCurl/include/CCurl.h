#ifndef CCURL_H
#define CCURL_H

// Typed, non-variadic wrappers around libcurl. Swift cannot call the variadic
// curl_easy_setopt / curl_easy_getinfo / curl_multi_setopt directly.
//
// libcurl is opened with dlopen on first use rather than linked: its dependencies
// (TLS, Kerberos, LDAP, SSH...) cost milliseconds to load, and commands that make
// no request should not pay for them. Swift calls the ccurl_ functions only.

#include <curl/curl.h>
#include <stddef.h>

typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t count, void *context);

/// Opens libcurl if that has not happened yet (thread-safe). Returns NULL once it is
/// loaded, or a description of why it could not be. Every other function loads it too,
/// and aborts with that description when it cannot.
const char *ccurl_load(void);

/// Starts `ccurl_load` on a detached thread, so loading overlaps whatever the caller does next.
void ccurl_load_in_background(void);

long ccurl_global_default_flags(void);
CURLcode ccurl_global_init(long flags);

CURL *ccurl_easy_init(void);
void ccurl_easy_cleanup(CURL *handle);
const char *ccurl_easy_strerror(CURLcode code);
struct curl_slist *ccurl_slist_append(struct curl_slist *list, const char *line);
void ccurl_slist_free_all(struct curl_slist *list);

CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode ccurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode ccurl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode ccurl_easy_setopt_data_callback(CURL *handle, CURLoption option, ccurl_data_callback callback);

CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode ccurl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value);
CURLcode ccurl_easy_getinfo_certinfo(CURL *handle, struct curl_certinfo **value);

/// Runs a transfer on the calling thread (blocking) — for one-off probes outside the multi loop.
CURLcode ccurl_easy_perform(CURL *handle);

CURLM *ccurl_multi_init(void);
CURLMcode ccurl_multi_cleanup(CURLM *multi);
CURLMcode ccurl_multi_add_handle(CURLM *multi, CURL *handle);
CURLMcode ccurl_multi_remove_handle(CURLM *multi, CURL *handle);
CURLMcode ccurl_multi_perform(CURLM *multi, int *running);
CURLMcode ccurl_multi_poll(
    CURLM *multi, struct curl_waitfd *extra, unsigned int count, int timeoutMilliseconds, int *ready);
CURLMcode ccurl_multi_wakeup(CURLM *multi);
CURLMcode ccurl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

/// Pops the next finished transfer from the multi handle.
/// Returns 1 and fills `easy` and `result` when one was available, 0 otherwise.
int ccurl_multi_next_done(CURLM *multi, CURL **easy, CURLcode *result);

#endif
