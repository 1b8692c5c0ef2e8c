#ifndef CRM_CGIT2_SHIM_H
#define CRM_CGIT2_SHIM_H
#include <git2.h>
#endif
