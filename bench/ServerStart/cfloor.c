/* Calibration subject for bench/ServerStart: the least a process can do for the job (listen on 127.0.0.1:$PORT,
 * answer every request with 200 "ok"), in C. Its time is the harness's spawn plus the kernel's exec and listen.
 * Build: gcc -O2 -o cfloor bench/ServerStart/cfloor.c */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
int main(void) {
  int port = atoi(getenv("PORT"));
  int l = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1; setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = {0}; a.sin_family = AF_INET; a.sin_port = htons(port); a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(l, (struct sockaddr*)&a, sizeof a) || listen(l, 128)) return 1;
  for (;;) {
    int c = accept(l, 0, 0); if (c < 0) return 1;
    setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    char buf[4096]; size_t have = 0;
    for (;;) {
      ssize_t n = recv(c, buf + have, sizeof buf - have, 0); if (n <= 0) break; have += n;
      char *end;
      while ((end = memmem(buf, have, "\r\n\r\n", 4))) {
        static const char r[] = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        send(c, r, sizeof r - 1, 0);
        size_t used = end + 4 - buf; memmove(buf, buf + used, have - used); have -= used;
      }
    }
    close(c);
  }
}
