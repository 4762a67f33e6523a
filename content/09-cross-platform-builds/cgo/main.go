// Command hello-cgo calls into the C library through cgo, so it has to be
// compiled with a C toolchain and C headers for the target platform.
package main

/*
#include <gnu/libc-version.h>
*/
import "C"

import (
	"fmt"
	"runtime"
)

func main() {
	glibc := C.GoString(C.gnu_get_libc_version())
	fmt.Printf("hello-cgo %s/%s, glibc %s\n", runtime.GOOS, runtime.GOARCH, glibc)
}
