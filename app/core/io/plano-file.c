/* plano-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "plano-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "plano-file.h"

/* Plano's two ways to the disk.
 *
 * Reading: only a regular file of a board's size is read. The file is looked at before it is
 * opened, opened without waiting (a FIFO with no writer would block an ordinary open forever),
 * looked at again through the open descriptor, and read up to the limit; /dev/zero, a FIFO, a
 * socket or a folder are refused before a byte is read.
 *
 * Replacing: the new text goes to a temporary file beside the old one, named
 * ".NAME.saving-PID-XXXXXX" so that anyone can tell what it is and which process wrote it, is
 * flushed to disk and renamed over the old file, so a crash at any moment leaves the old file or
 * the new one. Before the temporary file exists its name goes into a journal in the user's
 * state folder; if the process dies before the rename, the next start of Plano finds the name
 * there and removes the file (plano_file_remove_leftovers()), and the next save beside it does
 * the same for any temporary file of a process that is gone (plano_file_remove_leftovers_beside()).
 */

#define CHUNK_SIZE (64 * 1024)
#define TEMP_MARK ".saving-"
#define RANDOM_LENGTH 6
/* Room for the mark, a process id and the random part in a 255-byte file name. */
#define MAX_PREFIX 200

G_LOCK_DEFINE_STATIC (journal);
static char *journal_dir;

static PlanoFileStepFunc step_hook;
static gpointer step_hook_data;

static inline void
step (PlanoFileStep s,
      gsize         done)
{
  if (step_hook != NULL)
    step_hook (s, done, step_hook_data);
}

/**
 * plano_file_set_step_hook:
 * @hook: (nullable): called at each step of every replace, in the thread that writes
 *
 * For tests that stop a writer at a chosen moment. Set it before any replace starts.
 */
void
plano_file_set_step_hook (PlanoFileStepFunc hook,
                          gpointer          user_data)
{
  step_hook = hook;
  step_hook_data = user_data;
}

static char *
dup_journal_dir (void)
{
  char *dir;

  G_LOCK (journal);
  if (journal_dir == NULL)
    journal_dir = g_build_filename (g_get_user_state_dir (), "plano", "saving", NULL);
  dir = g_strdup (journal_dir);
  G_UNLOCK (journal);

  return dir;
}

/**
 * plano_file_get_journal_dir:
 *
 * Returns: the folder that lists the temporary files of saves under way: plano/saving in the
 *   user's state folder
 */
const char *
plano_file_get_journal_dir (void)
{
  g_free (dup_journal_dir ());

  return journal_dir;
}

/**
 * plano_file_set_journal_dir:
 * @dir: (nullable): another folder, for tests; %NULL goes back to the default
 */
void
plano_file_set_journal_dir (const char *dir)
{
  G_LOCK (journal);
  g_free (journal_dir);
  journal_dir = g_strdup (dir);
  G_UNLOCK (journal);
}

static char *
display_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  return g_filename_display_name (base);
}

static void
set_read_error (GError     **error,
                const char  *path,
                int          saved_errno)
{
  g_autofree char *name = display_name (path);
  const char *reason;

  switch (saved_errno)
    {
    case ENOENT:
      reason = _("no such file");
      break;
    case EACCES:
    case EPERM:
      reason = _("permission denied");
      break;
    default:
      reason = g_strerror (saved_errno);
      break;
    }

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not read “%s”: %s"), name, reason);
}

/* Refuses what is not a regular file, or is larger than @max_size, with a sentence. */
static gboolean
check_stat (const char     *path,
            const GStatBuf *st,
            gsize           max_size,
            GError        **error)
{
  g_autofree char *name = display_name (path);

  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not a board"), name);
      return FALSE;
    }

  if (S_ISCHR (st->st_mode) || S_ISBLK (st->st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is a device, not a regular file"), name);
      return FALSE;
    }
  if (S_ISFIFO (st->st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is a pipe, not a regular file"), name);
      return FALSE;
    }
  if (S_ISSOCK (st->st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is a socket, not a regular file"), name);
      return FALSE;
    }
  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file"), name);
      return FALSE;
    }

  if ((guint64) st->st_size > max_size)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   /* TRANSLATORS: %s is a file name, %u a number of megabytes */
                   _("“%s” is larger than %u MB, the most a board may be"), name,
                   (guint) (max_size / (1024 * 1024)));
      return FALSE;
    }

  return TRUE;
}

/**
 * plano_file_read:
 * @path: a file name; symbolic links are followed
 * @max_size: the most bytes to read, such as %PLANO_FILE_MAX_SIZE
 * @contents: (out): the bytes, followed by a nul byte
 * @length: (out): their number, without the nul
 *
 * Reads a regular file of at most @max_size bytes. Anything else (a folder, a device such as
 * /dev/zero, a FIFO, a socket, a larger file) is refused before it is read, and no call waits
 * on it. The error, in the %G_IO_ERROR domain, is a sentence naming the file.
 */
gboolean
plano_file_read (const char  *path,
                 gsize        max_size,
                 char       **contents,
                 gsize       *length,
                 GError     **error)
{
  g_autofree char *buffer = NULL;
  GStatBuf st;
  gsize size;
  gsize done = 0;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  /* Looked at first, so that a device is not even opened: opening one can have effects. */
  if (g_stat (path, &st) != 0)
    {
      set_read_error (error, path, errno);
      return FALSE;
    }
  if (!check_stat (path, &st, max_size, error))
    return FALSE;

  /* O_NONBLOCK: if the file became a FIFO since, the open returns at once instead of
   * waiting for a writer, and the check below refuses it. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_read_error (error, path, errno);
      return FALSE;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      set_read_error (error, path, saved_errno);
      return FALSE;
    }
  if (!check_stat (path, &st, max_size, error))
    {
      close (fd);
      return FALSE;
    }

  /* The file may grow while it is read: read to its end, but never past the limit. */
  size = MAX ((gsize) st.st_size + 1, 4096);
  buffer = g_malloc (size + 1);
  for (;;)
    {
      gssize n;

      if (done == size)
        {
          if (size > max_size)
            break;
          size = MIN (size * 2, (gsize) max_size + 1);
          buffer = g_realloc (buffer, size + 1);
        }

      n = read (fd, buffer + done, size - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          set_read_error (error, path, saved_errno);
          return FALSE;
        }
      if (n == 0)
        break;
      done += n;
    }
  close (fd);

  if (done > max_size)
    {
      st.st_size = done;
      check_stat (path, &st, max_size, error);
      return FALSE;
    }

  buffer[done] = '\0';
  *contents = g_steal_pointer (&buffer);
  if (length != NULL)
    *length = done;

  return TRUE;
}

/**
 * plano_file_is_read_only:
 *
 * Returns: whether @path is a file that exists and may not be written: no write permission
 *   for anyone, or none for this process
 */
gboolean
plano_file_is_read_only (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;

  /* Root may write anything; a file nobody may write is read-only all the same. */
  return (st.st_mode & 0222) == 0 || g_access (path, W_OK) != 0;
}

static void
set_errno_error (GError    **error,
                 int         saved_errno)
{
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       g_strerror (saved_errno));
}

static char *
random_part (void)
{
  static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  char *part = g_malloc (RANDOM_LENGTH + 1);

  for (guint i = 0; i < RANDOM_LENGTH; i++)
    part[i] = chars[g_random_int_range (0, sizeof chars - 1)];
  part[RANDOM_LENGTH] = '\0';

  return part;
}

static gboolean
is_random_part (const char *s)
{
  if (strlen (s) != RANDOM_LENGTH)
    return FALSE;

  for (guint i = 0; i < RANDOM_LENGTH; i++)
    if (!g_ascii_isalnum (s[i]))
      return FALSE;

  return TRUE;
}

/* "1234-AbC123": the process and the random part, as in a journal entry's name. */
static gboolean
parse_pid_random (const char  *s,
                  int         *pid,
                  const char **random)
{
  char *end = NULL;
  guint64 value;

  if (!g_ascii_isdigit (s[0]))
    return FALSE;

  value = g_ascii_strtoull (s, &end, 10);
  if (*end != '-' || value == 0 || value > G_MAXINT || !is_random_part (end + 1))
    return FALSE;

  *pid = (int) value;
  if (random != NULL)
    *random = end + 1;

  return TRUE;
}

/**
 * plano_file_is_temporary_name:
 * @name: a file name without a folder
 * @pid: (out) (optional): the process that wrote it
 *
 * Returns: whether @name is that of a temporary file of plano_file_replace()
 */
gboolean
plano_file_is_temporary_name (const char *name,
                              int        *pid)
{
  const char *mark;
  int found_pid;

  g_return_val_if_fail (name != NULL, FALSE);

  if (name[0] != '.')
    return FALSE;

  mark = g_strrstr (name, TEMP_MARK);
  if (mark == NULL || mark == name ||
      !parse_pid_random (mark + strlen (TEMP_MARK), &found_pid, NULL))
    return FALSE;

  if (pid != NULL)
    *pid = found_pid;

  return TRUE;
}

/**
 * plano_file_process_is_alive:
 * @pid: a process id, as a temporary file's name or a draft gives it; 0 or less for none
 *
 * Returns: whether the process that wrote a leftover may still be writing it
 */
gboolean
plano_file_process_is_alive (int pid)
{
  if (pid <= 0)
    return FALSE;

  return pid == getpid () || kill (pid, 0) == 0 || errno == EPERM;
}

/* Writes the journal entry that names @temp_path, before that file exists. A journal that
 * cannot be written does not stop the save: the next save beside the file still finds what a
 * crash leaves. */
static char *
write_journal_entry (const char *pid_random,
                     const char *temp_path,
                     gboolean    durable)
{
  g_autofree char *dir = dup_journal_dir ();
  g_autofree char *entry = g_build_filename (dir, pid_random, NULL);
  gsize length = strlen (temp_path);
  gsize done = 0;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return NULL;

  fd = g_open (entry, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return NULL;

  while (done < length)
    {
      gssize n = write (fd, temp_path + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          close (fd);
          g_unlink (entry);
          return NULL;
        }
      done += n;
    }

  if (durable)
    fsync (fd);
  close (fd);

  return g_steal_pointer (&entry);
}

/* After a rename, the folder's entry must reach the disk too for the new file to survive a
 * power cut. */
static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

struct _PlanoFileWriter
{
  char    *path;
  char    *dir;
  char    *temp_path;
  char    *entry;      /* the journal's entry for the temporary file, or NULL */
  int      fd;
  gboolean durable;
  gsize    done;
};

static void
writer_free (PlanoFileWriter *self)
{
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->path);
  g_free (self->dir);
  g_free (self->temp_path);
  g_free (self->entry);
  g_free (self);
}

/**
 * plano_file_writer_new:
 * @path: the file to write; it need not exist, its folder must
 * @flags: how
 *
 * Starts replacing @path with bytes given as they are made (plano_file_writer_write()), for a
 * file too large to hold whole, such as an image export. The bytes go to a temporary file beside
 * @path, named and journaled as plano_file_replace() says, which takes @path's name in
 * plano_file_writer_finish(); plano_file_writer_abort() takes it away. Either frees the writer.
 * A file without write permission is refused with %G_IO_ERROR_READ_ONLY unless @flags has
 * %PLANO_FILE_REPLACE_READ_ONLY; other errors are in the %G_FILE_ERROR domain.
 *
 * Returns: (transfer full) (nullable): the writer, or %NULL with @error set
 */
PlanoFileWriter *
plano_file_writer_new (const char             *path,
                       PlanoFileReplaceFlags   flags,
                       GError                **error)
{
  PlanoFileWriter *self;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  GStatBuf st;
  gboolean existed;

  g_return_val_if_fail (path != NULL, NULL);

  existed = g_stat (path, &st) == 0;
  if (existed && S_ISDIR (st.st_mode))
    {
      set_errno_error (error, EISDIR);
      return NULL;
    }
  if (existed && (flags & PLANO_FILE_REPLACE_READ_ONLY) == 0 && plano_file_is_read_only (path))
    {
      g_autofree char *name = display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY, _("“%s” is read-only"), name);
      return NULL;
    }

  self = g_new0 (PlanoFileWriter, 1);
  self->path = g_strdup (path);
  self->dir = g_path_get_dirname (path);
  self->durable = (flags & PLANO_FILE_REPLACE_DURABLE) != 0;
  self->fd = -1;
  base = g_path_get_basename (path);
  prefix = g_strndup (base, MAX_PREFIX);

  for (guint attempt = 0; self->fd < 0; attempt++)
    {
      g_autofree char *random = random_part ();
      g_autofree char *pid_random = g_strdup_printf ("%d-%s", (int) getpid (), random);
      g_autofree char *temp_name = g_strconcat (".", prefix, TEMP_MARK, pid_random, NULL);
      int saved_errno;

      g_free (self->temp_path);
      self->temp_path = g_build_filename (self->dir, temp_name, NULL);

      g_clear_pointer (&self->entry, g_free);
      self->entry = write_journal_entry (pid_random, self->temp_path, self->durable);
      step (PLANO_FILE_STEP_JOURNALED, 0);

      self->fd = g_open (self->temp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (self->fd >= 0)
        break;

      saved_errno = errno;
      if (self->entry != NULL)
        g_unlink (self->entry);
      if (saved_errno != EEXIST || attempt >= 100)
        {
          set_errno_error (error, saved_errno);
          writer_free (self);
          return NULL;
        }
    }
  step (PLANO_FILE_STEP_CREATED, 0);

  if (existed)
    fchmod (self->fd, st.st_mode & 07777);

  return self;
}

/**
 * plano_file_writer_write:
 * @self: a writer
 * @data: the next bytes
 *
 * Returns: whether they were written; on failure, finish nothing: plano_file_writer_abort()
 */
gboolean
plano_file_writer_write (PlanoFileWriter  *self,
                         const char       *data,
                         gsize             length,
                         GError          **error)
{
  gsize done = 0;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  while (done < length)
    {
      gssize n = write (self->fd, data + done, MIN (length - done, CHUNK_SIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno);
          return FALSE;
        }
      done += n;
      self->done += n;
      step (PLANO_FILE_STEP_WROTE, self->done);
    }

  return TRUE;
}

/**
 * plano_file_writer_abort:
 * @self: (transfer full): a writer
 *
 * Takes the temporary file away, leaving the file it was to replace as it was.
 */
void
plano_file_writer_abort (PlanoFileWriter *self)
{
  g_return_if_fail (self != NULL);

  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
  g_unlink (self->temp_path);
  if (self->entry != NULL)
    g_unlink (self->entry);
  writer_free (self);
}

/**
 * plano_file_writer_finish:
 * @self: (transfer full): a writer
 *
 * Flushes what was written to disk (with %PLANO_FILE_REPLACE_DURABLE) and gives it the file's
 * name. On failure the file is untouched and nothing is left beside it.
 *
 * Returns: whether the file was replaced
 */
gboolean
plano_file_writer_finish (PlanoFileWriter  *self,
                          GError          **error)
{
  int fd;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  if (self->durable && fsync (self->fd) != 0)
    {
      set_errno_error (error, errno);
      plano_file_writer_abort (self);
      return FALSE;
    }
  step (PLANO_FILE_STEP_SYNCED, self->done);

  fd = self->fd;
  self->fd = -1;
  if (close (fd) != 0 || g_rename (self->temp_path, self->path) != 0)
    {
      set_errno_error (error, errno);
      plano_file_writer_abort (self);
      return FALSE;
    }
  step (PLANO_FILE_STEP_RENAMED, self->done);

  if (self->durable)
    sync_folder (self->dir);
  if (self->entry != NULL)
    g_unlink (self->entry);
  step (PLANO_FILE_STEP_FINISHED, self->done);

  plano_file_remove_leftovers_beside (self->path);
  writer_free (self);

  return TRUE;
}

/**
 * plano_file_replace:
 * @path: the file to write; it need not exist, its folder must
 * @contents: the new bytes
 * @flags: how
 * @progress: (nullable): told the bytes written so far, from this thread
 *
 * Replaces @path with @contents so that a crash at any moment leaves either the old file or
 * the new one: a temporary file in the same folder, recorded in the journal first, written,
 * flushed to disk with %PLANO_FILE_REPLACE_DURABLE, renamed over @path. The new file keeps the
 * old one's permissions. A file without write permission is refused with
 * %G_IO_ERROR_READ_ONLY unless @flags has %PLANO_FILE_REPLACE_READ_ONLY. Other errors are in
 * the %G_FILE_ERROR domain. On failure @path is untouched and nothing is left beside it.
 * Safe to call from any thread.
 */
gboolean
plano_file_replace (const char             *path,
                    const char             *contents,
                    gsize                   length,
                    PlanoFileReplaceFlags   flags,
                    PlanoFileProgressFunc   progress,
                    gpointer                progress_data,
                    GError                **error)
{
  PlanoFileWriter *writer;
  gsize done = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  writer = plano_file_writer_new (path, flags, error);
  if (writer == NULL)
    return FALSE;

  while (done < length)
    {
      gsize n = MIN (length - done, CHUNK_SIZE);

      if (!plano_file_writer_write (writer, contents + done, n, error))
        {
          plano_file_writer_abort (writer);
          return FALSE;
        }
      done += n;
      if (progress != NULL)
        progress (done, length, progress_data);
    }

  return plano_file_writer_finish (writer, error);
}

/**
 * plano_file_remove_leftovers:
 *
 * What the next start does: removes the temporary files that the journal lists for processes
 * that are gone, and their entries. Another Plano still running keeps its own.
 *
 * Returns: how many temporary files were removed
 */
guint
plano_file_remove_leftovers (void)
{
  g_autofree char *dir_path = dup_journal_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint removed = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *entry = g_build_filename (dir_path, name, NULL);
      g_autofree char *temp_path = NULL;
      g_autofree char *temp_name = NULL;
      const char *random = NULL;
      int pid = 0;
      int temp_pid = 0;

      if (!parse_pid_random (name, &pid, &random) || plano_file_process_is_alive (pid))
        continue;

      /* Only a file whose name says it is that save's temporary file is removed: an entry cut
       * short by a crash names nothing. */
      if (g_file_get_contents (entry, &temp_path, NULL, NULL))
        {
          temp_name = g_path_get_basename (temp_path);
          if (g_path_is_absolute (temp_path) &&
              plano_file_is_temporary_name (temp_name, &temp_pid) && temp_pid == pid &&
              g_str_has_suffix (temp_name, random) &&
              g_unlink (temp_path) == 0)
            removed++;
        }

      g_unlink (entry);
    }

  return removed;
}

/**
 * plano_file_remove_leftovers_beside:
 * @path: a file that plano_file_replace() writes
 *
 * What a save does after it has replaced @path: removes the temporary files of earlier saves
 * of @path by processes that are gone.
 *
 * Returns: how many were removed
 */
guint
plano_file_remove_leftovers_beside (const char *path)
{
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strndup (base, MAX_PREFIX);
  g_autofree char *start = g_strconcat (".", prefix, TEMP_MARK, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint removed = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      int pid = 0;

      if (g_str_has_prefix (name, start) && plano_file_is_temporary_name (name, &pid) &&
          !plano_file_process_is_alive (pid))
        {
          g_autofree char *temp_path = g_build_filename (dir_path, name, NULL);

          if (g_unlink (temp_path) == 0)
            removed++;
        }
    }

  return removed;
}
