#ifndef CRM_CGIT2_SHIM_H
#define CRM_CGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/repository.h>

/* git_libgit2_opts is variadic, which Swift cannot call: one function per option crm sets. */

/* Keep parsed trees up to `limit` bytes in libgit2's object cache (large folders of records). */
static inline int crm_git_cache_trees_up_to(size_t limit) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, limit);
}

/* Trust objects read from the repository as git does, instead of hashing each one again. */
static inline int crm_git_skip_read_verification(void) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}

#endif
