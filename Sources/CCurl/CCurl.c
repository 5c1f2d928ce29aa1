#include "CCurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// The libcurl entry points used, resolved from the library opened at first use.
#define CCURL_FUNCTIONS(X) \
    X(CURLcode, global_init, (long)) \
    X(CURL *, easy_init, (void)) \
    X(void, easy_cleanup, (CURL *)) \
    X(CURLcode, easy_setopt, (CURL *, CURLoption, ...)) \
    X(CURLcode, easy_getinfo, (CURL *, CURLINFO, ...)) \
    X(const char *, easy_strerror, (CURLcode)) \
    X(CURLcode, easy_perform, (CURL *)) \
    X(struct curl_slist *, slist_append, (struct curl_slist *, const char *)) \
    X(void, slist_free_all, (struct curl_slist *)) \
    X(CURLM *, multi_init, (void)) \
    X(CURLMcode, multi_cleanup, (CURLM *)) \
    X(CURLMcode, multi_add_handle, (CURLM *, CURL *)) \
    X(CURLMcode, multi_remove_handle, (CURLM *, CURL *)) \
    X(CURLMcode, multi_perform, (CURLM *, int *)) \
    X(CURLMcode, multi_poll, (CURLM *, struct curl_waitfd *, unsigned int, int, int *)) \
    X(CURLMcode, multi_wakeup, (CURLM *)) \
    X(CURLMcode, multi_setopt, (CURLM *, CURLMoption, ...)) \
    X(CURLMsg *, multi_info_read, (CURLM *, int *))

#define CCURL_FIELD(result, name, parameters) result(*name) parameters;
static struct { CCURL_FUNCTIONS(CCURL_FIELD) } curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_error[512];

static void load(void) {
#ifdef __APPLE__
    static const char *const names[] = {"libcurl.4.dylib", "libcurl.dylib"};
#else
    static const char *const names[] = {"libcurl.so.4", "libcurl.so"};
#endif
    void *library = NULL;
    for (size_t index = 0; index < sizeof names / sizeof names[0] && library == NULL; index++) {
        library = dlopen(names[index], RTLD_LAZY | RTLD_LOCAL);
    }
    if (library == NULL) {
        snprintf(load_error, sizeof load_error, "cannot load libcurl: %s", dlerror());
        return;
    }
#define CCURL_RESOLVE(result, name, parameters) \
    if ((*(void **)&curl.name = dlsym(library, "curl_" #name)) == NULL) { \
        snprintf(load_error, sizeof load_error, "libcurl has no curl_%s (too old?)", #name); \
        return; \
    }
    CCURL_FUNCTIONS(CCURL_RESOLVE)
}

const char *ccurl_load(void) {
    pthread_once(&load_once, load);
    return load_error[0] != 0 ? load_error : NULL;
}

static void *load_on_thread(void *unused) {
    (void)unused;
    ccurl_load();
    return NULL;
}

void ccurl_load_in_background(void) {
    pthread_t thread;
    if (pthread_create(&thread, NULL, load_on_thread, NULL) == 0) {
        pthread_detach(thread);
    }
}

/// The loaded functions; a failure to load is fatal here, as there is no way to go on.
static inline void require(void) {
    const char *error = ccurl_load();
    if (error != NULL) {
        fprintf(stderr, "regconsole: %s\n", error);
        abort();
    }
}

long ccurl_global_default_flags(void) { return CURL_GLOBAL_DEFAULT; }

CURLcode ccurl_global_init(long flags) {
    require();
    return curl.global_init(flags);
}

CURL *ccurl_easy_init(void) {
    require();
    return curl.easy_init();
}

void ccurl_easy_cleanup(CURL *handle) {
    require();
    curl.easy_cleanup(handle);
}

const char *ccurl_easy_strerror(CURLcode code) {
    require();
    return curl.easy_strerror(code);
}

struct curl_slist *ccurl_slist_append(struct curl_slist *list, const char *line) {
    require();
    return curl.slist_append(list, line);
}

void ccurl_slist_free_all(struct curl_slist *list) {
    require();
    curl.slist_free_all(list);
}

CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    require();
    return curl.easy_setopt(handle, option, value);
}

CURLcode ccurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    require();
    return curl.easy_setopt(handle, option, value);
}

CURLcode ccurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    require();
    return curl.easy_setopt(handle, option, value);
}

CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    require();
    return curl.easy_setopt(handle, option, value);
}

CURLcode ccurl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    require();
    return curl.easy_setopt(handle, option, value);
}

CURLcode ccurl_easy_setopt_data_callback(CURL *handle, CURLoption option, ccurl_data_callback callback) {
    require();
    return curl.easy_setopt(handle, option, callback);
}

CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    require();
    return curl.easy_getinfo(handle, info, value);
}

CURLcode ccurl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value) {
    require();
    return curl.easy_getinfo(handle, info, value);
}

CURLcode ccurl_easy_getinfo_certinfo(CURL *handle, struct curl_certinfo **value) {
    require();
    return curl.easy_getinfo(handle, CURLINFO_CERTINFO, value);
}

CURLcode ccurl_easy_perform(CURL *handle) {
    require();
    return curl.easy_perform(handle);
}

CURLM *ccurl_multi_init(void) {
    require();
    return curl.multi_init();
}

CURLMcode ccurl_multi_cleanup(CURLM *multi) {
    require();
    return curl.multi_cleanup(multi);
}

CURLMcode ccurl_multi_add_handle(CURLM *multi, CURL *handle) {
    require();
    return curl.multi_add_handle(multi, handle);
}

CURLMcode ccurl_multi_remove_handle(CURLM *multi, CURL *handle) {
    require();
    return curl.multi_remove_handle(multi, handle);
}

CURLMcode ccurl_multi_perform(CURLM *multi, int *running) {
    require();
    return curl.multi_perform(multi, running);
}

CURLMcode ccurl_multi_poll(
    CURLM *multi, struct curl_waitfd *extra, unsigned int count, int timeoutMilliseconds, int *ready) {
    require();
    return curl.multi_poll(multi, extra, count, timeoutMilliseconds, ready);
}

CURLMcode ccurl_multi_wakeup(CURLM *multi) {
    require();
    return curl.multi_wakeup(multi);
}

CURLMcode ccurl_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    require();
    return curl.multi_setopt(multi, option, value);
}

int ccurl_multi_next_done(CURLM *multi, CURL **easy, CURLcode *result) {
    require();
    int remaining = 0;
    CURLMsg *message;
    while ((message = curl.multi_info_read(multi, &remaining)) != NULL) {
        if (message->msg == CURLMSG_DONE) {
            *easy = message->easy_handle;
            *result = message->data.result;
            return 1;
        }
    }
    return 0;
}
