#ifndef CRM_CSYSTEM_H
#define CRM_CSYSTEM_H
#include <spawn.h>

/* GNU extensions of glibc that Swift's Glibc module does not show (it is built without
   _GNU_SOURCE): one wrapper each. */

/* pipe2(fds, O_CLOEXEC): a pipe whose ends are not inherited by programs crm starts. */
int crm_pipe_cloexec(int fds[2]);

/* posix_spawn_file_actions_addchdir_np: start the program in another folder. */
int crm_spawn_file_actions_addchdir(posix_spawn_file_actions_t *actions, const char *path);

#endif
