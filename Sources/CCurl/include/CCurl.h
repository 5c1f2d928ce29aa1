#ifndef CCURL_H
#define CCURL_H

// Typed, non-variadic wrappers around libcurl. Swift cannot call the variadic
// curl_easy_setopt / curl_easy_getinfo / curl_multi_setopt directly.

#include <curl/curl.h>
#include <stddef.h>

typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t count, void *context);

long ccurl_global_default_flags(void);

CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
CURLcode ccurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode ccurl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode ccurl_easy_setopt_data_callback(CURL *handle, CURLoption option, ccurl_data_callback callback);

CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode ccurl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value);

CURLMcode ccurl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

/// Pops the next finished transfer from the multi handle.
/// Returns 1 and fills `easy` and `result` when one was available, 0 otherwise.
int ccurl_multi_next_done(CURLM *multi, CURL **easy, CURLcode *result);

#endif
